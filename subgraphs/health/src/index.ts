// Port 4003. Filled in by issue 3.
