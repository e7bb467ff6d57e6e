// Command storybot ingests news into a passage index and answers questions
// about it, on the command line or as a Discord bot.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand: its name, a line of help, and what it runs.
type command struct {
	name, usage, help string
	run               func(ctx context.Context, env *env, args []string) error
}

var commands = []command{
	{"ingest", "ingest [--source NAME] [PATH|URL…]", "ingest the given files, folders, feeds or pages; with none, every configured source", cmdIngest},
	{"ask", "ask [--json] [--source NAME] [--since DATE] [--limit N] QUESTION", "answer a question with cited passages", cmdAsk},
	{"quotes", "quotes [--json] [--since DATE] SPEAKER [TOPIC]", "everything a person or organisation has been quoted saying, newest first, by story", cmdQuotes},
	{"extract", "extract [--json] [--url URL] FILE|URL", "show what the extractor makes of one page", cmdExtract},
	{"attrib", "attrib [--json] [--url URL] FILE|URL", "show who says what in one page, as the attributor reads it", cmdAttrib},
	{"reindex", "reindex", "rebuild the index from the article store", cmdReindex},
	{"story", "story [--png FILE] [--limit N] NAME", "list a tracked story's articles (or those a query finds) newest first; --png draws its coverage", cmdStory},
	{"suggest", "suggest [--json] [--window 48h] [--guild ID]", "list emerging stories: clusters of recent articles no tracked story follows", cmdSuggest},
	{"digest", "digest [--dry-run] [--story NAME] [--guild ID]", "print (dry run) or post the digests of tracked stories now", cmdDigest},
	{"run", "run", "serve the Discord bot, the scheduler and the HTTP endpoints", cmdRun},
	{"eval", "eval [--shared DIR]", "measure answers on the dev question sets in ../shared/eval", cmdEval},
	{"bench", "bench [--articles N] [--dir DIR] [--phases ingest,reindex,ask] [--json]", "measure ingest, re-index, memory and ask latency over a generated corpus of N articles", cmdBench},
	{"healthcheck", "healthcheck", "exit 0 when a running storybot answers /healthz", cmdHealthcheck},
}

// env is what every command gets: where to write and the config path.
type env struct {
	stdout, stderr io.Writer
	configPath     string
}

// errUsage marks a mistake in the command line; main prints the usage.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := realMain(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func realMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("storybot", flag.ContinueOnError)
	fs.SetOutput(stderr)
	e := &env{stdout: stdout, stderr: stderr}
	fs.StringVar(&e.configPath, "config", "config.yaml", "configuration file")
	fs.Usage = func() { usage(stderr) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		usage(stderr)
		return 2
	}
	for _, c := range commands {
		if c.name != fs.Arg(0) {
			continue
		}
		err := c.run(ctx, e, fs.Args()[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "usage: storybot [--config PATH] %s\n", c.usage)
			return 2
		case errors.Is(err, flag.ErrHelp):
			return 0
		default:
			fmt.Fprintf(stderr, "storybot %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "storybot: unknown command %q\n", fs.Arg(0))
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: storybot [--config PATH] COMMAND [ARGS]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-60s %s\n", c.usage, c.help)
	}
}
