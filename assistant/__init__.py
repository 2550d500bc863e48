"""The assistant: a langchain tool-calling agent over ``tools/``, with two language-model
backends (offline and OpenAI-compatible)."""
