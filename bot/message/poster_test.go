package message

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/discordtest"
	"storybot/digest"
)

func newPoster(t *testing.T, srv *discordtest.Server) *Poster {
	t.Helper()
	p, err := NewPoster("poster-test-token", srv.URL(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func leakDigest(channel string) digest.Digest {
	return digest.Digest{ChannelID: channel, Story: "Leak",
		WindowStart: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), WindowEnd: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC),
		Entries: []digest.Entry{{Title: "Police @everyone angry", URL: "https://news.example/a", Summary: "Police said the **leak** was bad.",
			Outlets: []digest.Outlet{{Source: "BBC News", URL: "https://bbc.example/a"}}}}}
}

// TestPosterPostsOnce: a digest reaches the channel as escaped embeds with
// no mentions allowed, and a repeat with the same nonce is the same
// message; the poster needs no bot.
func TestPosterPostsOnce(t *testing.T) {
	srv := discordtest.New(t)
	p := newPoster(t, srv)
	ctx := context.Background()
	id, err := p.PostDigest(ctx, leakDigest("800000000000000001"), "dg-leak-0")
	if err != nil {
		t.Fatal(err)
	}
	again, err := p.PostDigest(ctx, leakDigest("800000000000000001"), "dg-leak-0")
	if err != nil || again != id || len(srv.Messages("800000000000000001")) != 1 {
		t.Fatalf("repeat: id %q (first %q), %v, %d messages; want the same message, posted once", again, id, err, len(srv.Messages("800000000000000001")))
	}
	req := srv.Requests("POST", "/channels/800000000000000001/messages")[0]
	if !strings.HasPrefix(req.Header.Get("Authorization"), "Bot poster-test-token") {
		t.Errorf("authorization %q, want the bot token", req.Header.Get("Authorization"))
	}
	var sent struct {
		Embeds          []*discordgo.MessageEmbed `json:"embeds"`
		AllowedMentions struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
	}
	if err := json.Unmarshal(req.Body, &sent); err != nil {
		t.Fatal(err)
	}
	if sent.AllowedMentions.Parse == nil || len(sent.AllowedMentions.Parse) != 0 {
		t.Errorf("allowed_mentions %+v, want an empty parse list", sent.AllowedMentions)
	}
	desc := sent.Embeds[0].Description
	if strings.Contains(desc, "@everyone") || !strings.Contains(desc, "[BBC News](https://bbc.example/a)") {
		t.Errorf("description %q, want escaped text and the outlet linked by name", desc)
	}
	if _, err := p.PostDigest(ctx, digest.Digest{Story: "x"}, "n"); err == nil {
		t.Errorf("a digest with no channel was posted")
	}
	if _, err := p.PostDigest(ctx, leakDigest("1"), strings.Repeat("n", 26)); err == nil {
		t.Errorf("a 26-character nonce was sent")
	}
}

func TestFindDigestAfterDiscordForgetsTheNonce(t *testing.T) {
	srv := discordtest.New(t)
	p := newPoster(t, srv)
	ctx := context.Background()
	d := leakDigest("800000000000000002")
	id, err := p.PostDigest(ctx, d, "dg-leak-1")
	if err != nil {
		t.Fatal(err)
	}
	srv.ForgetNonces()
	got, found, err := p.FindDigest(ctx, d, "dg-leak-1")
	if err != nil || !found || got != id {
		t.Errorf("FindDigest: got %q, %v, %v; want %q, true, nil", got, found, err, id)
	}
	if _, found, err := p.FindDigest(ctx, d, "dg-leak-2"); err != nil || found {
		t.Errorf("another window's nonce: got found %v, err %v; want not found", found, err)
	}
	srv.HideHistory()
	if _, found, err := p.FindDigest(ctx, d, "dg-leak-1"); err != nil || found {
		t.Errorf("without Read Message History: got found %v, err %v; want not found and no error", found, err)
	}
}

// checkLimits fails if embeds break one of Discord's limits; it counts
// independently of Fit.
func checkLimits(t *testing.T, embeds []*discordgo.MessageEmbed) {
	t.Helper()
	n := func(s string) int { return len(utf16.Encode([]rune(s))) }
	total := 0
	for _, e := range embeds {
		if n(e.Title) > 256 || n(e.Description) > 4096 || len(e.Fields) > 25 {
			t.Errorf("embed over limits: title %d, description %d, fields %d", n(e.Title), n(e.Description), len(e.Fields))
		}
		total += n(e.Title) + n(e.Description)
		if e.Footer != nil {
			total += n(e.Footer.Text)
		}
	}
	if len(embeds) > 10 || total > 6000 {
		t.Errorf("%d embeds, %d characters; limits 10 and 6000", len(embeds), total)
	}
}

func TestDigestEmbeds(t *testing.T) {
	entry := func(i int) digest.Entry {
		return digest.Entry{Title: fmt.Sprintf("Event %d <@1>", i), URL: fmt.Sprintf("https://n.example/%d", i),
			Summary: strings.Repeat("Something happened. ", 20), Published: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
			Outlets: []digest.Outlet{{Source: "bbc", URL: "https://bbc.example/x"}, {Source: "itv", URL: "ftp://bad"}}}
	}
	tests := []struct {
		name        string
		entries     int
		wantShown   int
		wantMoreMsg bool
	}{
		{"none", 0, 0, false},
		{"few", 3, 3, false},
		{"many", 60, -1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := digest.Digest{Story: "Leak", ChannelID: "1"}
			for i := 1; i <= tt.entries; i++ {
				d.Entries = append(d.Entries, entry(i))
			}
			_, embeds := Fit("", digestEmbeds(d, ""))
			checkLimits(t, embeds)
			var all strings.Builder
			for _, e := range embeds {
				all.WriteString(e.Description)
			}
			shown := strings.Count(all.String(), "** [Event ")
			if tt.wantShown >= 0 && shown != tt.wantShown {
				t.Errorf("%d entries shown, want %d", shown, tt.wantShown)
			}
			footer := embeds[len(embeds)-1].Footer.Text
			if more := fmt.Sprintf("%d more not shown", tt.entries-shown); tt.wantMoreMsg != strings.Contains(footer, more) {
				t.Errorf("footer %q, want %q: %v", footer, more, tt.wantMoreMsg)
			}
			if strings.Contains(all.String(), "ftp://") || strings.Contains(all.String(), "<@1>") {
				t.Errorf("digest links a non-http outlet or leaves a mention: %s", all.String())
			}
		})
	}
}
