//go:build !unix

package ingest

import "time"

// cpuTime is unknown here: benchmarks leave out their per-CPU-second figure.
func cpuTime() time.Duration { return 0 }
