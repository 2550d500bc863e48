"""Data: read every supported file (CSV, Excel, JSON/JSONL; Qianfan, Alpaca, ShareGPT, OpenAI layouts) into the one
canonical ``Sample``, write any layout, and say what reading or writing changed. Owns ``formats`` (the entry
points), the readers and writers, encodings, fields, statistics and output paths.
"""
