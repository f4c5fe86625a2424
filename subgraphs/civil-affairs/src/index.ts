// Port 4004. Filled in by issue 3.
