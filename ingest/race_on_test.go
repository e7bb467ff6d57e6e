//go:build race

package ingest

// raceDetector is set when the tests run under -race.
const raceDetector = true
