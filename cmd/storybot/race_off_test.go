//go:build !race

package main

// raceDetector is set when the tests run under -race.
const raceDetector = false
