#!/usr/bin/env python3
"""A webhook receiver for trying Steppe Watch alerts locally (Python standard library only).

Prints every alert it receives and checks its Standard Webhooks signature:
    python3 tools/webhook-receiver.py --port 9000 --secret whsec_...
"""
import argparse
import base64
import hashlib
import hmac
import json
from http.server import BaseHTTPRequestHandler, HTTPServer


def expected_signature(secret: str, msg_id: str, timestamp: str, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(signed).decode()


def handler_for(secret):
    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            msg_id = self.headers.get("webhook-id", "")
            timestamp = self.headers.get("webhook-timestamp", "")
            signature = self.headers.get("webhook-signature", "")
            if secret:
                valid = any(hmac.compare_digest(s, expected_signature(secret, msg_id, timestamp, body))
                            for s in signature.split())
                verdict = "signature valid" if valid else "SIGNATURE INVALID"
            else:
                verdict = "signature not checked (no --secret)"
            message = json.loads(body)
            alert = message.get("data", {})
            if message.get("type") == "notice.issued":
                where = f"site={alert.get('siteId')} ratio={alert.get('highestRatio')} ({alert.get('regime')})"
            else:
                where = f"settlements={alert.get('settlementIds')}"
            print(f"webhook {msg_id} ({message.get('type')}): {verdict}\n  {alert.get('headline')}\n"
                  f"  severity={alert.get('severity')} urgency={alert.get('urgency')} {where}", flush=True)
            self.send_response(204 if not secret or valid else 401)
            self.end_headers()

        def log_message(self, *args):
            pass

    return Receiver


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--secret", help="the subscription's whsec_ secret, to verify signatures")
    args = parser.parse_args()
    print(f"listening on http://localhost:{args.port}/", flush=True)
    HTTPServer(("localhost", args.port), handler_for(args.secret)).serve_forever()
