"""The tools: plain typed Python that does the work (no gradio, no langchain; torch, transformers and peft
imported inside functions). ``errors`` (the one ``UserError`` a person sees) and ``workspace`` (where files
may go, atomic writes) serve every stage; each stage is a folder:

- ``tools.data``: read, convert and write datasets; the canonical sample;
- ``tools.augment``: few-shot, chain-of-thought, instruction templates; the OpenAI-compatible client;
- ``tools.quality``: quality scores and flags, and a person's review of them;
- ``tools.train``: advice, runs as detached processes, the trainer, the learning-rate probe;
- ``tools.models``: the embedded model, chat, evaluation and forgetting, export.
"""
