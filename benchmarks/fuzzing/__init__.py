"""The argmap fuzzing harness: generators of inputs, the checks run on each
input, a delta-debugging minimizer, and a worker pool with a time limit per
input. ``benchmarks/fuzz.py`` is the command line; ``tests/test_fuzz.py``
runs a short seeded version in the test suite.
"""
