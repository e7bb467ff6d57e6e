package fetch

import (
	"net/netip"
	"testing"
)

func TestPublicAddr(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"93.184.216.34", true},
		{"2606:2800:220:1::1", true},
		{"127.0.0.1", false},
		{"127.9.9.9", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fe80::1", false},
		{"fd00::1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"100.64.0.1", false},
		{"224.0.0.1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:8.8.8.8", true},
		{"0.1.2.3", false},
		{"198.18.0.1", false},
		{"255.255.255.255", false},
		{"2001:db8::1", false},
		{"fec0::1", false},
		// IPv4-compatible: ::127.0.0.1 and its kin.
		{"::127.0.0.1", false},
		{"::7f00:1", false},
		{"::8.8.8.8", false},
		// NAT64: the IPv4 address inside must be public.
		{"64:ff9b::127.0.0.1", false},
		{"64:ff9b::a9fe:a9fe", false}, // 169.254.169.254
		{"64:ff9b::10.0.0.1", false},
		{"64:ff9b::8.8.8.8", true},
		{"64:ff9b:1::8.8.8.8", false}, // local-use NAT64
		// 6to4 carries its IPv4 address in bits 16-48.
		{"2002:7f00:1::1", false},
		{"2002:c0a8:101::1", false}, // 192.168.1.1
		{"2002:808:808::1", true},
		// Teredo: the server, and the client (bits inverted) in the last 32 bits.
		{"2001:0:4136:e378:8000:63bf:80ff:fffe", false}, // client 127.0.0.1
		{"2001:0:7f00:1:8000:63bf:f7f7:f7f7", false},    // server 127.0.0.1
		{"2001:0:4136:e378:8000:63bf:f7f7:f7f7", true},  // server 65.54.227.120, client 8.8.8.8
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if got := publicAddr(netip.MustParseAddr(tt.addr)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestGuardDial(t *testing.T) {
	if err := guardDial("tcp", "127.0.0.1:80", nil); err == nil {
		t.Error("127.0.0.1:80: got nil, want error")
	}
	for _, a := range []string{"[64:ff9b::7f00:1]:80", "[::127.0.0.1]:80"} {
		if err := guardDial("tcp6", a, nil); err == nil {
			t.Errorf("%s: got nil, want error", a)
		}
	}
	if err := guardDial("tcp6", "[2606:2800:220:1::1]:443", nil); err != nil {
		t.Errorf("public v6: got %v, want nil", err)
	}
}
