package attendance

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"strconv"
	"strings"
)

// Codes signs registration ids into short check-in codes such as
// "12-7KQ2MXA": the id in base 10 for a human to read, then 35 bits of an
// HMAC that nobody without the server's key can forge. The same string is
// printed under the QR code, so a trainer can type it when the camera
// fails.
type Codes struct {
	Key []byte
}

var enc = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// macLen is the number of base-32 characters of the signature.
const macLen = 7

// Code returns the check-in code of a registration.
func (c Codes) Code(registrationID int64) string {
	id := strconv.FormatInt(registrationID, 10)
	return id + "-" + c.mac(id)
}

func (c Codes) mac(id string) string {
	m := hmac.New(sha256.New, c.Key)
	m.Write([]byte("checkin:" + id))
	return enc.EncodeToString(m.Sum(nil))[:macLen]
}

// Parse returns the registration a code was made for, if the code is
// genuine. It forgives case, spaces and the letters people confuse with
// digits (O for 0, I and L for 1).
func (c Codes) Parse(code string) (int64, bool) {
	code = strings.ToUpper(strings.Join(strings.Fields(code), ""))
	code = strings.NewReplacer("O", "0", "I", "1", "L", "1").Replace(code)
	id, mac, ok := strings.Cut(code, "-")
	if !ok || len(mac) != macLen {
		return 0, false
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	if !hmac.Equal([]byte(mac), []byte(c.mac(strconv.FormatInt(n, 10)))) {
		return 0, false
	}
	return n, true
}
