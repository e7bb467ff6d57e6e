package metrics

import "net/http"

// Storybot holds the metrics storybot exports on /metrics. Fields are
// updated by the packages that own the work; main wires them in.
type Storybot struct {
	registry *Registry

	// ArticlesIngested counts articles stored new or changed by ingestion.
	ArticlesIngested *Counter
	// FetchErrors counts failed fetches, by source name.
	FetchErrors *CounterVec
	// PassagesIndexed is the number of passages in the serving index.
	PassagesIndexed *Gauge
	// AskLatency is how long answering a question takes, in seconds.
	AskLatency *Histogram
	// DigestsPosted counts digests confirmed posted to Discord.
	DigestsPosted *Counter
	// ReindexDuration is how long full re-indexes take, in seconds.
	ReindexDuration *Histogram
}

// Bucket bounds, in seconds. Asks are interactive (Discord allows 3 s
// before the deferred reply must be edited, and users feel anything over
// one); re-indexes of the store take seconds to many minutes.
var (
	askBuckets     = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}
	reindexBuckets = []float64{1, 5, 15, 30, 60, 120, 300, 600, 1800}
)

// NewStorybot registers storybot's metrics in a new registry.
func NewStorybot() *Storybot {
	r := NewRegistry()
	return &Storybot{
		registry:         r,
		ArticlesIngested: r.NewCounter("storybot_articles_ingested_total", "Articles stored new or changed by ingestion."),
		FetchErrors:      r.NewCounterVec("storybot_fetch_errors_total", "Failed fetches, by source.", "source"),
		PassagesIndexed:  r.NewGauge("storybot_passages_indexed", "Passages in the serving index."),
		AskLatency:       r.NewHistogram("storybot_ask_duration_seconds", "Time to answer a question.", askBuckets),
		DigestsPosted:    r.NewCounter("storybot_digests_posted_total", "Digests confirmed posted to Discord."),
		ReindexDuration:  r.NewHistogram("storybot_reindex_duration_seconds", "Time to rebuild the index from the store.", reindexBuckets),
	}
}

// Handler serves the metrics in the Prometheus text format, for /metrics.
func (s *Storybot) Handler() http.Handler { return s.registry.Handler() }

// Registry returns the registry behind s, to add metrics of one's own.
func (s *Storybot) Registry() *Registry { return s.registry }
