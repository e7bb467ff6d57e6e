// Package jobs runs storybot's periodic work (ingestion, digests) on cron
// schedules. It is the only package that imports robfig/cron: everyone else
// sees a key, a spec string and a func(ctx) error.
package jobs

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/robfig/cron/v3"
)

// Schedule is one configured cron spec and the config key it came from, so
// an error can point at the line to fix.
type Schedule struct {
	Key  string // e.g. "schedule.ingest" or "sources[3].schedule"
	Spec string // e.g. "*/15 * * * *", "@every 15m", "CRON_TZ=Europe/London 0 8 * * *"
}

// parser accepts what crontab users expect: five fields, or a descriptor
// such as @daily or @every 15m. Validate and Add both use it, so a spec
// that validates is one the scheduler runs.
var parser = cron.NewParser(
	cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor,
)

// Validate parses every spec as the scheduler will and returns one error
// naming each bad key and its value.
func Validate(specs ...Schedule) error {
	var errs []error
	for _, s := range specs {
		if _, err := parse(s.Spec); err != nil {
			errs = append(errs, fmt.Errorf("jobs: %s %q: %w", s.Key, s.Spec, err))
		}
	}
	return errors.Join(errs...)
}

// parse checks what cron's parser gets wrong (a time-zone prefix with no
// space after it panics; a negative @every runs every second), then parses
// with any remaining panic turned into an error.
func parse(spec string) (sched cron.Schedule, err error) {
	zone, body, err := splitZone(strings.TrimSpace(spec))
	if err != nil {
		return nil, err
	}
	if err := checkEvery(body); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			sched, err = nil, fmt.Errorf("invalid schedule: %v", r)
		}
	}()
	return parser.Parse(zone + body)
}

// splitZone validates a CRON_TZ= or TZ= prefix and splits the spec into
// that prefix, ending in exactly the one space cron's parser needs, and the
// schedule itself.
func splitZone(spec string) (zone, body string, err error) {
	var prefix string
	for _, p := range []string{"CRON_TZ=", "TZ="} {
		if strings.HasPrefix(spec, p) {
			prefix = p
		}
	}
	if prefix == "" {
		return "", spec, nil
	}
	rest := spec[len(prefix):]
	i := strings.IndexFunc(rest, unicode.IsSpace)
	if i < 0 {
		return "", "", fmt.Errorf("%szone must be followed by a space and a schedule, as in %sEurope/London 0 8 * * *", prefix, prefix)
	}
	name, body := rest[:i], strings.TrimSpace(rest[i:])
	if name == "" {
		return "", "", fmt.Errorf("%s has no time zone name", prefix)
	}
	if _, err := time.LoadLocation(name); err != nil {
		return "", "", fmt.Errorf("unknown time zone %q (want an IANA name such as Europe/London)", name)
	}
	return prefix + name + " ", body, nil
}

// checkEvery rejects @every with a duration that is not positive, which
// cron would otherwise round up to one second.
func checkEvery(spec string) error {
	rest, ok := strings.CutPrefix(spec, "@every ")
	if !ok {
		return nil
	}
	d, err := time.ParseDuration(strings.TrimSpace(rest))
	if err != nil {
		return fmt.Errorf("bad @every duration %q: %w", strings.TrimSpace(rest), err)
	}
	if d <= 0 {
		return fmt.Errorf("@every duration must be positive, got %s", d)
	}
	return nil
}
