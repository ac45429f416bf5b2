"""Start-up data: where the package's files live and what is kept between runs."""
