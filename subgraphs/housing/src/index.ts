// Port 4005. Filled in by issue 3.
