"""The offline model's understanding of a request, in plain Python (no langchain):

- ``numbers``: 1200, 1,200, 1.2k, 2w, 3万, 两千, 一千五百, 万分之一, 1e-4, five thousand;
- ``paths``: file names and paths in the text, matched to attached files;
- ``slots``: formats, field names, counts, epochs, learning rate, LoRA rank, steps, base model, run id;
- ``intents``: which tool a request asks for (weighted cue phrases, zh and en), musing vs asking;
- ``classifier``: a character n-gram naive-Bayes model trained on ``eval/``, asked when no rule fires;
- ``planner``: one decision per model call from the whole conversation (memory = the messages);
- ``replies``: answers from tool results and questions back, in the user's language.
"""
