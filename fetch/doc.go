// Package fetch downloads feeds and pages over HTTP with the limits a
// crawler needs: a whole-request timeout, a body size limit applied after
// decompression, a redirect limit, one request at a time per host, and a
// refusal to connect to loopback, private or link-local addresses.
//
// fetch never retries; Retryable tells a caller which errors are worth
// another try.
package fetch
