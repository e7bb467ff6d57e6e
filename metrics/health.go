package metrics

import (
	"io"
	"net/http"
)

// HealthHandlers returns handlers for /healthz, which answers 200 "ok"
// while the process can serve HTTP at all, and /readyz, which answers 200
// when ready reports true and 503 with its reason otherwise (for example
// "index not open" or "discord not connected").
func HealthHandlers(ready func() (ok bool, reason string)) (healthz, readyz http.Handler) {
	healthz = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		plain(w, http.StatusOK, "ok")
	})
	readyz = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		ok, reason := ready()
		switch {
		case ok:
			plain(w, http.StatusOK, "ready")
		case reason == "":
			plain(w, http.StatusServiceUnavailable, "not ready")
		default:
			plain(w, http.StatusServiceUnavailable, reason)
		}
	})
	return healthz, readyz
}

func plain(w http.ResponseWriter, code int, body string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	io.WriteString(w, body+"\n")
}
