package message

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/bwmarrin/discordgo"

	"storybot/digest"
)

// maxNonce is the longest nonce Discord accepts.
const maxNonce = 25

// Poster posts digests to Discord channels through a REST session of its
// own: the digest runner needs it whether or not the bot serves commands.
type Poster struct {
	session *discordgo.Session
	log     *slog.Logger
}

// NewPoster returns a Poster using token (with or without the "Bot "
// prefix) against apiBase (empty: Discord's own).
func NewPoster(token, apiBase string, log *slog.Logger) (*Poster, error) {
	s, err := NewSession(token, apiBase)
	if err != nil {
		return nil, err
	}
	return &Poster{session: s, log: log}, nil
}

// NewSession returns a discordgo session for the bot token, sending its REST
// calls to apiBase, asking for no gateway intents (slash commands need
// none) and keeping no state cache. It connects nothing.
func NewSession(token, apiBase string) (*discordgo.Session, error) {
	if strings.TrimSpace(token) == "" {
		return nil, errors.New("message: token is empty (set DISCORD_TOKEN)")
	}
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("message: new session: %w", err)
	}
	client, err := APIClient(apiBase)
	if err != nil {
		return nil, err
	}
	s.Client = client
	s.Identify.Intents = discordgo.IntentsNone
	s.StateEnabled = false
	return s, nil
}

// NoMentions allows no mention of anyone in a message.
func NoMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// Colour is the side colour of storybot's embeds.
const Colour = 0x2b6cb0

// digestMessage is a channel message with the nonce fields discordgo's
// MessageSend lacks.
type digestMessage struct {
	Embeds          []*discordgo.MessageEmbed         `json:"embeds"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Nonce           string                            `json:"nonce,omitempty"`
	EnforceNonce    bool                              `json:"enforce_nonce,omitempty"`
}

// PostDigest posts d to d.ChannelID as embeds within Discord's limits and
// returns the message ID once Discord has confirmed it. nonce (at most 25
// characters) is sent with enforce_nonce, so a retry with the same nonce
// after a crash returns the first message instead of posting twice.
func (p *Poster) PostDigest(ctx context.Context, d digest.Digest, nonce string) (string, error) {
	if d.ChannelID == "" {
		return "", fmt.Errorf("message: post digest %s: no channel", d.Story)
	}
	if nonce == "" || len(nonce) > maxNonce {
		return "", fmt.Errorf("message: post digest %s: nonce must be 1 to %d characters", d.Story, maxNonce)
	}
	_, embeds := Fit("", digestEmbeds(d, nonce))
	msg := digestMessage{Embeds: embeds, AllowedMentions: NoMentions(), Nonce: nonce, EnforceNonce: true}
	u := discordgo.EndpointChannelMessages(d.ChannelID)
	body, err := p.session.RequestWithBucketID("POST", u, msg, u, discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("message: post digest %s to %s: %w", d.Story, d.ChannelID, err)
	}
	var m discordgo.Message
	if err := json.Unmarshal(body, &m); err != nil || m.ID == "" {
		return "", errors.Join(fmt.Errorf("message: post digest %s: no message id in reply", d.Story), err)
	}
	return m.ID, nil
}

// refPrefix marks a digest's nonce in its footer, so FindDigest can find a
// post that Discord no longer remembers the nonce of.
const refPrefix = "ref "

// recentMessages is how far back FindDigest looks in the channel.
const recentMessages = 50

// FindDigest looks among the channel's recent messages for a digest the bot
// posted with nonce: Discord enforces a nonce only for a few minutes, so a
// retry after a longer outage must look for the post itself. Without the
// Read Message History permission it finds nothing and says so in the log.
func (p *Poster) FindDigest(ctx context.Context, d digest.Digest, nonce string) (string, bool, error) {
	msgs, err := p.session.ChannelMessages(d.ChannelID, recentMessages, "", "", "", discordgo.WithContext(ctx))
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Response != nil && rest.Response.StatusCode == http.StatusForbidden {
		p.log.Warn("cannot read the digest channel to look for an earlier post; relying on the nonce", "channel_id", d.ChannelID)
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("message: find digest %s in %s: %w", d.Story, d.ChannelID, err)
	}
	for _, m := range msgs {
		if m.Author == nil || !m.Author.Bot {
			continue
		}
		for _, e := range m.Embeds {
			if e.Footer != nil && strings.HasSuffix(e.Footer.Text, refPrefix+nonce) {
				return m.ID, true, nil
			}
		}
	}
	return "", false, nil
}

// Digest layout: entries are packed into embed descriptions; what does not
// fit in maxEmbedsTotal is counted in the last footer.
const (
	entrySummaryChars = 280
	digestBudget      = maxEmbedsTotal - 400 // room for titles and footers
)

// digestEmbeds renders a digest: one block per entry with the linked title,
// the summary, every outlet linked and the date. All article text is
// escaped.
func digestEmbeds(d digest.Digest, nonce string) []*discordgo.MessageEmbed {
	title := fmt.Sprintf("%s: %d new %s", EscapeLine(d.Story), len(d.Entries), plural(len(d.Entries), "article", "articles"))
	var embeds []*discordgo.MessageEmbed
	var desc strings.Builder
	used, shown := 0, 0
	flush := func() {
		if desc.Len() > 0 {
			embeds = append(embeds, &discordgo.MessageEmbed{Description: desc.String(), Color: Colour})
			desc.Reset()
		}
	}
	for i, e := range d.Entries {
		block := entryBlock(i+1, e)
		n := TextLen(block)
		if used+n > digestBudget || len(embeds) == maxEmbeds-1 && TextLen(desc.String())+n > maxDescription {
			break
		}
		if TextLen(desc.String())+n > maxDescription {
			flush()
		}
		desc.WriteString(block)
		used += n
		shown++
	}
	flush()
	if len(embeds) == 0 {
		embeds = append(embeds, &discordgo.MessageEmbed{Description: "No new articles.", Color: Colour})
	}
	embeds[0].Title = title
	footer := fmt.Sprintf("%s – %s", d.WindowStart.UTC().Format("2006-01-02 15:04"), d.WindowEnd.UTC().Format("2006-01-02 15:04 MST"))
	if more := len(d.Entries) - shown; more > 0 {
		footer = fmt.Sprintf("%d more not shown · %s", more, footer)
	}
	if nonce != "" {
		footer += " · " + refPrefix + nonce
	}
	embeds[len(embeds)-1].Footer = &discordgo.MessageEmbedFooter{Text: footer}
	return embeds
}

// entryBlock renders one digest entry.
func entryBlock(n int, e digest.Entry) string {
	title := EscapeLine(e.Title)
	if title == "" {
		title = "(untitled)"
	}
	if link := PageLink(e.URL); link != "" {
		title = "[" + title + "](" + link + ")"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%d.** %s\n", n, title)
	if e.Summary != "" {
		b.WriteString(EscapeLine(Excerpt(e.Summary, nil, entrySummaryChars)) + "\n")
	}
	var outlets []string
	for _, o := range e.Outlets {
		name := EscapeLine(o.Source)
		if link := PageLink(o.URL); link != "" {
			name = "[" + name + "](" + link + ")"
		}
		outlets = append(outlets, name)
	}
	meta := strings.Join(outlets, ", ")
	if !e.Published.IsZero() {
		meta = strings.TrimPrefix(meta+" · "+e.Published.UTC().Format("2006-01-02"), " · ")
	}
	if meta != "" {
		b.WriteString(meta + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
