//! Built-in policy files, embedded at compile time.
