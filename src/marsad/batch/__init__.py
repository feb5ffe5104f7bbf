"""Corpus-scale runs: streaming batches with progress and resume, process pools, Dask, deduplication.

`marsad.batch.runner.BatchRunner` drives a run; `marsad.batch.engines` says where articles are
processed (in this process, a process pool, a Dask cluster); `marsad.batch.sink` adapts the store;
`marsad.batch.dedup` links reports of the same event from different articles.
"""
