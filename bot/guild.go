package bot

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// refuseGuild returns why an interaction is not served, or "": storybot
// answers in guilds only (guild "" is the operator's own namespace in the
// store), and only in those allowed when an allow-list is set. Anyone can
// add a public bot to their server; each server keeps to itself, but the
// operator decides which servers it serves at all.
func (b *Bot) refuseGuild(i *discordgo.Interaction) string {
	if i.GuildID == "" {
		return "storybot's commands work in servers only, not in direct messages."
	}
	if len(b.cfg.AllowedGuildIDs) > 0 && !slices.Contains(b.cfg.AllowedGuildIDs, i.GuildID) {
		b.log.Warn("interaction from a server not allowed", "guild_id", i.GuildID, "interaction_id", i.ID)
		return "storybot is not enabled for this server: its operator lists the servers it serves (discord.allowed_guild_ids). Nothing was done."
	}
	return ""
}

// resolvedChannelPermissions reads, from an interaction's JSON, the
// invoking member's permissions in each channel given as an option
// (data.resolved.channels[id].permissions), which discordgo's types drop.
func resolvedChannelPermissions(raw []byte) map[string]int64 {
	var in struct {
		Data struct {
			Resolved struct {
				Channels map[string]struct {
					Permissions string `json:"permissions"`
				} `json:"channels"`
			} `json:"resolved"`
		} `json:"data"`
	}
	if json.Unmarshal(raw, &in) != nil {
		return nil
	}
	out := map[string]int64{}
	for id, ch := range in.Data.Resolved.Channels {
		if p, err := strconv.ParseInt(ch.Permissions, 10, 64); err == nil {
			out[id] = p
		}
	}
	return out
}

// secretInURL matches an http(s) URL's user information and query string,
// which may hold tokens ("?token=…", "user:pass@").
var secretInURL = regexp.MustCompile(`(?i)(https?://)([^\s/?#@]*@)?([^\s?#]*)(\?[^\s#]*)?`)

// redactURLs hides the user information and query strings of the URLs in
// s, for showing source URLs and fetch errors in Discord.
func redactURLs(s string) string {
	return secretInURL.ReplaceAllStringFunc(s, func(u string) string {
		m := secretInURL.FindStringSubmatch(u)
		out := m[1] + m[3]
		if m[4] != "" {
			out += "?…"
		}
		return out
	})
}
