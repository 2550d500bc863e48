"""The offline model's understanding of a request, in plain Python (no langchain):

- ``numbers``: 1200, 1,200, 1.2k, 2w, 3万, 两千, 一千五百, 万分之一, 1e-4, five thousand;
- ``paths``: file names and paths in the text, matched to attached files;
- ``slots``: formats, field names, templates, method, perplexity on or off;
- ``amounts``: counts, epochs, learning rate, LoRA rank, steps, few-shot k, shares, the general-data mix;
- ``names``: the run id and the base model named;
- ``acts``: the speech act (command, question, hypothetical, correction, conditional) before the tool;
- ``classifier``: the learned intent model (softmax regression over character n-grams and the
  rules' cue scores), shipped as ``intent_model.npz`` and built by scripts/build_intent_model.py, and the
  learned speech-act model (``act_model.npz``, same features: asks or acts), which hears questions the rules miss;
- ``reading``: the tool for a request, from the speech act and the model;
- ``cues``: weighted cue phrases per tool (zh and en) and the words of our domain;
- ``intents``: the cues summed per tool, fed to the model; typos, yes/no, musing vs asking, steps;
- ``arguments``, ``fuzzy``: arguments by rules (fractions, fields, formats within a small edit distance);
- ``planner``: one decision per model call from the whole conversation (memory = the messages);
- ``replies``: answers from tool results and questions back, in the user's language.
"""
