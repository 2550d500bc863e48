"""Models: the embedded base model (GGUF → safetensors once), chat with a tuned model beside its base, the
end-of-run evaluation and the forgetting figure (the general prompt set), and export (merged, GGUF, Ollama).
"""
