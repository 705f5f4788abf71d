"""`empathy audit URL`: personas explore a site by themselves and write the suites they walked.

Why features first: the scout (`scout.py`) only finds pages, forms and the flows they lead to; the
probes (`probes.py`) turn each into scenarios written with catalogue steps (`write.py`), and those
run through the ordinary `empathy run` machinery, so an audit's transcript, checks and report are a
written suite's by construction, and a product owner can keep, edit and gate on them.
"""
