"""Before the show: status lifecycle, campaign targets, products and stock, crew, warm-up, readiness."""
