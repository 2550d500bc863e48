"""Quality: score every record, flag duplicates, conflicts, placeholders, garbled text, odd lengths and model
scores (perplexity, reward model, LLM judge) for a person's review, and apply that review with an audit log.
"""
