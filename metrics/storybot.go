// Package metrics exports storybot's Prometheus metrics, through the
// Prometheus client library, and its health handlers.
package metrics

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Storybot holds the metrics storybot exports on /metrics, beside the Go
// runtime's and the process's. Fields are updated by the packages that own
// the work; main wires them in.
type Storybot struct {
	registry *prometheus.Registry

	// ArticlesIngested counts articles stored new or changed by ingestion.
	ArticlesIngested prometheus.Counter
	// FetchErrors counts failed fetches, by source name.
	FetchErrors *prometheus.CounterVec
	// PassagesIndexed is the number of passages in the serving index.
	PassagesIndexed prometheus.Gauge
	// AskLatency is how long answering a question takes, in seconds.
	AskLatency prometheus.Histogram
	// DigestsPosted counts digests confirmed posted to Discord.
	DigestsPosted prometheus.Counter
	// ReindexDuration is how long full re-indexes take, in seconds.
	ReindexDuration prometheus.Histogram
}

// Bucket bounds, in seconds. Asks are interactive (Discord allows 3 s
// before the deferred reply must be edited, and users feel anything over
// one); re-indexes of the store take seconds to many minutes.
var (
	askBuckets     = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}
	reindexBuckets = []float64{1, 5, 15, 30, 60, 120, 300, 600, 1800}
)

// NewStorybot registers storybot's metrics, and the Go runtime and process
// collectors, in a new registry.
func NewStorybot() *Storybot {
	r := prometheus.NewRegistry()
	f := func(c prometheus.Collector) { r.MustRegister(c) }
	s := &Storybot{
		registry: r,
		ArticlesIngested: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "storybot_articles_ingested_total", Help: "Articles stored new or changed by ingestion."}),
		FetchErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "storybot_fetch_errors_total", Help: "Failed fetches, by source."}, []string{"source"}),
		PassagesIndexed: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "storybot_passages_indexed", Help: "Passages in the serving index."}),
		AskLatency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "storybot_ask_duration_seconds", Help: "Time to answer a question.", Buckets: askBuckets}),
		DigestsPosted: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "storybot_digests_posted_total", Help: "Digests confirmed posted to Discord."}),
		ReindexDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "storybot_reindex_duration_seconds", Help: "Time to rebuild the index from the store.", Buckets: reindexBuckets}),
	}
	for _, c := range []prometheus.Collector{s.ArticlesIngested, s.FetchErrors, s.PassagesIndexed, s.AskLatency,
		s.DigestsPosted, s.ReindexDuration, collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})} {
		f(c)
	}
	return s
}

// Handler serves the metrics in the Prometheus exposition format, for
// /metrics.
func (s *Storybot) Handler() http.Handler {
	return promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{Registry: s.registry})
}

// Registry returns the registry behind s, to add metrics of one's own.
func (s *Storybot) Registry() *prometheus.Registry { return s.registry }
