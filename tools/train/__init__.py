"""Train: the advice (epochs, learning rate, batch) from the manual and measurement, a run's configuration,
runs as detached processes (start, queue, lock, stop, resume, state), the trainer itself, the time
estimate, and the learning-rate probe.
"""
