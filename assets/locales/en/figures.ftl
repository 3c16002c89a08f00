## The figures: the dashboard and `bayboard report`
