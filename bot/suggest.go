package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"
)

// suggestionsShown is how many emerging stories /track suggest lists, one
// button each.
const suggestionsShown = 5

// trackSuggest lists emerging stories with a button to track each.
func (b *Bot) trackSuggest(ctx context.Context, c *call) error {
	sugs, err := b.deps.Suggester.Suggest(ctx, c.guild)
	if err != nil {
		return fmt.Errorf("bot: track suggest: %w", err)
	}
	if len(sugs) == 0 {
		return c.edit(ctx, "No emerging stories: nothing in the last 48 hours is covered by 3 outlets or 5 articles that a tracked story does not already follow.")
	}
	if len(sugs) > suggestionsShown {
		sugs = sugs[:suggestionsShown]
	}
	e := &discordgo.MessageEmbed{
		Title:       "Emerging stories",
		Description: "Stories of the last 48 hours that no tracked story follows. A button tracks one, with digests in this channel.",
		Color:       embedColour,
	}
	var buttons []discordgo.MessageComponent
	for i, s := range sugs {
		e.Fields = append(e.Fields, suggestionField(i+1, s))
		buttons = append(buttons, discordgo.Button{
			Label: message.Truncate(fmt.Sprintf("%d. Track %s", i+1, s.Name), 80), Style: discordgo.PrimaryButton,
			CustomID: suggestionID(s),
		})
	}
	return c.editWith(ctx, reply{embeds: []*discordgo.MessageEmbed{e},
		components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: buttons}}})
}

// suggestionField renders one emerging story: its name, size, query and
// top headlines.
func suggestionField(n int, s Suggestion) *discordgo.MessageEmbedField {
	var v strings.Builder
	fmt.Fprintf(&v, "%d %s from %d %s · query: %s (finds %d)\n", s.Articles, plural(s.Articles, "article", "articles"),
		s.Outlets, plural(s.Outlets, "outlet", "outlets"), message.EscapeLine(s.Query), s.Found)
	for _, h := range s.Headlines {
		v.WriteString("• " + message.EscapeLine(h) + "\n")
	}
	return &discordgo.MessageEmbedField{Name: fmt.Sprintf("%d. %s", n, message.EscapeLine(s.Name)), Value: v.String()}
}

// suggestionID is the custom ID of a suggestion's button: the name and the
// query, cut to fit Discord's 100 characters, so a press needs no state
// kept since the suggestion was made.
func suggestionID(s Suggestion) string {
	id := customID("track", "add", s.Name+"|"+s.Query)
	for len(id) > maxCustomID {
		cut := strings.LastIndexByte(id, ' ')
		if cut <= len(customID("track", "add", s.Name+"|")) {
			return id[:maxCustomID]
		}
		id = id[:cut]
	}
	return id
}

// pressTrack tracks the story of a suggestion's button in the channel it
// was pressed in.
func (b *Bot) pressTrack(ctx context.Context, c *call) error {
	name, query, ok := strings.Cut(c.button.payload, "|")
	if c.button.action != "add" || !ok {
		return tellUser("That button no longer works; run /track suggest again.")
	}
	return b.track(ctx, c, name, query, c.i.ChannelID)
}
