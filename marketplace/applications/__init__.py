"""Applications (投递): one-tap apply, the employer's steps, the log, employment outcomes."""
