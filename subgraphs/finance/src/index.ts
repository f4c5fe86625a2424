// Port 4006. Filled in by issue 3.
