"""Plain, typed Python tools: data, advice, training and chat.

Nothing here imports gradio or langchain; torch, transformers and peft are
imported lazily inside the functions that need them, so the CLI and the UI
start fast.
"""
