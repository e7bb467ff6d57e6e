package bot

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

func (b *Bot) reindexCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "reindex",
			Description: "Rebuild the search index from the store; /ask keeps working meanwhile",
		},
		admin:  true,
		handle: b.handleReindex,
	}
}

// progress holds the latest progress report of a running reindex.
type progress struct {
	mu          sync.Mutex
	done, total int
	changed     chan struct{} // one pending signal at most
}

func (p *progress) report(done, total int) {
	p.mu.Lock()
	p.done, p.total = done, total
	p.mu.Unlock()
	select {
	case p.changed <- struct{}{}:
	default:
	}
}

func (p *progress) get() (done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done, p.total
}

func (b *Bot) handleReindex(ctx context.Context, c *call) error {
	if err := c.edit(ctx, "Re-indexing: starting…"); err != nil {
		return err
	}
	start := b.now()
	p := &progress{changed: make(chan struct{}, 1)}
	finished := make(chan struct{})
	editorDone := make(chan struct{})
	go func() {
		defer close(editorDone)
		b.editProgress(ctx, c, p, finished)
	}()
	n, err := b.deps.Reindexer.Reindex(ctx, p.report)
	close(finished)
	<-editorDone
	if err != nil {
		return fmt.Errorf("bot: reindex: %w", err)
	}
	took := b.now().Sub(start).Round(100 * time.Millisecond)
	return c.edit(ctx, fmt.Sprintf("Re-indexed %d passages in %s.", n, took))
}

// editProgress edits the reply with the latest progress when it changes,
// at most once per cfg.ProgressEvery, until finished is closed. Edits run
// here, not in the reindexer's callback, so a slow Discord never slows the
// rebuild.
func (b *Bot) editProgress(ctx context.Context, c *call, p *progress, finished <-chan struct{}) {
	for {
		select {
		case <-finished:
			return
		case <-ctx.Done():
			return
		case <-p.changed:
		}
		done, total := p.get()
		if err := c.edit(ctx, progressLine(done, total)); err != nil {
			b.log.Warn("reindex progress edit failed", "error", err)
		}
		select {
		case <-finished:
			return
		case <-ctx.Done():
			return
		case <-time.After(b.cfg.ProgressEvery):
		}
	}
}

// progressLine says how far a reindex has come.
func progressLine(done, total int) string {
	if total <= 0 {
		return fmt.Sprintf("Re-indexing: %d passages so far…", done)
	}
	return fmt.Sprintf("Re-indexing: %d of %d passages (%d%%)…", done, total, done*100/total)
}
