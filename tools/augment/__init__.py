"""Augment: few-shot samples (nearest neighbours by character bigrams), chain-of-thought samples (a rationale
column or an OpenAI-compatible model), instruction templates; and the one OpenAI-compatible client.
"""
