package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"storybot/ingest"
)

// errSomeFailed makes ingest exit 1 after printing its summary.
var errSomeFailed = errors.New("some sources or articles failed (see above)")

func cmdIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	name := fs.String("source", "", "with paths or URLs: their source name; alone: the configured source to ingest")
	force := fs.Bool("force", false, "try sources that are backing off after failures")
	private := fs.Bool("allow-private", false, "let the given URLs reach loopback, private and link-local addresses")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tuneGCForBulk()
	a, err := openApp(ctx, e)
	if err != nil {
		return err
	}
	defer a.Close()
	sources, err := chooseSources(a, fs.Args(), *name)
	if err != nil {
		return err
	}
	for i := range sources {
		sources[i].AllowPrivate = sources[i].AllowPrivate || *private
	}
	b := newBar(e.stderr, "ingest")
	s := a.ingester(ingest.Options{Force: *force, Bulk: true}).Run(ctx, sources, b)
	b.Finish()
	for _, err := range s.Errors {
		a.log.Warn("ingest failed", "error", err)
	}
	fmt.Fprintf(e.stdout, "ingest: %s\n", s)
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted: %w", ctx.Err())
	}
	if s.Failed > 0 || s.Skipped > 0 {
		return errSomeFailed
	}
	return nil
}

// chooseSources returns the sources of the command line: the given paths
// and URLs, or the configured source --source names, or every configured
// source.
func chooseSources(a *app, args []string, name string) ([]ingest.Source, error) {
	if len(args) > 0 {
		return ingest.FromArgs(args, name)
	}
	configured := ingest.FromConfig(a.cfg.Sources)
	if len(configured) == 0 {
		return nil, errors.New("no sources: add some to the config file or name paths or URLs")
	}
	if name == "" {
		return configured, nil
	}
	var names []string
	for _, s := range configured {
		if strings.EqualFold(s.Name, name) {
			return []ingest.Source{s}, nil
		}
		names = append(names, s.Name)
	}
	return nil, fmt.Errorf("--source %q: no configured source has that name (configured: %s)", name, strings.Join(names, ", "))
}
