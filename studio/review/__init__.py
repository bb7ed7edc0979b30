"""After the show: the review (复盘) — aggregation, charts and the PDF/HTML report."""
