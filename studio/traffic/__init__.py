"""Traffic and audience data from the platforms' post-show exports.

Where the viewers came from (流量来源: channel -> entries, GMV, orders, spend), who they are
(用户画像: gender, age, region, new vs returning, followers, device) and the minute entries and
exits (进入/离开) when an export has them. `imports` reads and checks a file (nothing is written
while any row is bad), `store` keeps the rows per show, `channels` and `audience` know the words
the platforms use.
"""
