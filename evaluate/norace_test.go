//go:build !race

package evaluate

// raceDetector is set when the tests run under -race.
const raceDetector = false
