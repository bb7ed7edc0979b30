"""The live product model (中控): one truth for every product on air.

- `model`: plain frozen data — a product as stored, its flash sale, coupons, sales figures, and
  `Derived`, what every screen, command and report shows.
- `derive.derive` / `derive.derive_all`: the one function that computes effective price,
  coupon-best 到手价, stock and quota left, sell-through, funnel and flags (pure; `now` given).
- `coupons`: which coupons stack and the best 到手价 (rules in its docstring); `flags`: the flags.
- `reader`: reading products, coupons and per-SKU sales from the store; `LiveProducts` is the
  cheap 1 Hz reader a board or prompter holds.
- `changes`: every change (price, floor, stock top-up, link number, state, flash sale, undo) as
  product_event rows, synced to other stations and queued offline exactly once.
- `coupon_book`: issuing and counting coupons. `cues`: what reaching a cue does to a product.
- `history` / `periods`: the change list and the price periods for the review.
"""
