package app_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// selfSigned writes a certificate and key for 127.0.0.1, as a training
// room's laptop would use.
func selfSigned(t *testing.T, dir string) (string, string) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "traindesk test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	cert, keyPath := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return cert, keyPath
}

// TestServe_TLS serves HTTPS with a certificate from the environment: the
// service worker needs a secure origin on the tablets, and cookies are then
// marked Secure.
func TestServe_TLS(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	dir := t.TempDir()
	cert, key := selfSigned(t, dir)
	vars := map[string]string{"TRAINDESK_DB": filepath.Join(dir, "td.db"), "TRAINDESK_ADDR": addr, "TRAINDESK_TLS_CERT": cert,
		"TRAINDESK_TLS_KEY": key, "TRAINDESK_LOG_LEVEL": "warn", "TRAINDESK_ADMIN_PASSWORD": "admin-password-1"}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan run, 1)
	go func() { done <- main(t, ctx, vars, "serve") }()
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	var res *http.Response
	var err error
	for i := 0; i < 100; i++ {
		time.Sleep(50 * time.Millisecond)
		if res, err = client.Get("https://" + addr + "/login"); err == nil {
			break
		}
	}
	cancel()
	r := <-done
	if err != nil {
		t.Fatalf("https: %v (%s)", err, r.stderr)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Strict-Transport-Security") == "" {
		t.Errorf("GET /login over HTTPS = %d, HSTS %q", res.StatusCode, res.Header.Get("Strict-Transport-Security"))
	}
	secure := false
	for _, c := range res.Header.Values("Set-Cookie") {
		if strings.HasPrefix(c, "_csrf=") && strings.Contains(c, "Secure") {
			secure = true
		}
	}
	if !secure {
		t.Error("the CSRF cookie over HTTPS is not Secure")
	}
}
