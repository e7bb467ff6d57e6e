package bot

import (
	"context"
	"testing"
	"time"

	"storybot/digest"
)

func TestFindDigestAfterDiscordForgetsTheNonce(t *testing.T) {
	h := startGateway(t)
	ctx := context.Background()
	d := digest.Digest{ChannelID: "800000000000000002", Story: "Leak",
		WindowStart: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), WindowEnd: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC),
		Entries: []digest.Entry{{Title: "Police angry", URL: "https://news.example/a", Summary: "Police said the leak was bad."}}}
	id, err := h.bot.PostDigest(ctx, d, "dg-leak-1")
	if err != nil {
		t.Fatal(err)
	}
	h.srv.ForgetNonces()
	got, found, err := h.bot.FindDigest(ctx, d, "dg-leak-1")
	if err != nil || !found || got != id {
		t.Errorf("FindDigest: got %q, %v, %v; want %q, true, nil", got, found, err, id)
	}
	if _, found, err := h.bot.FindDigest(ctx, d, "dg-leak-2"); err != nil || found {
		t.Errorf("another window's nonce: got found %v, err %v; want not found", found, err)
	}
	h.srv.HideHistory()
	if _, found, err := h.bot.FindDigest(ctx, d, "dg-leak-1"); err != nil || found {
		t.Errorf("without Read Message History: got found %v, err %v; want not found and no error", found, err)
	}
}
