#!/usr/bin/env bash
# Makes a throw-away PKI for AOT training and benchmarks in DIR with openssl: root CA (ca.pem), EC
# and RSA leaves (ec.pem/ec.key, rsa.pem/rsa.key), a leaf under an intermediate (chain-leaf.pem/.key,
# chain.pem), and seed.yaml + trust.json for the emulator (the vector ARNs' ids).
set -euo pipefail
dir=$1
mkdir -p "$dir"
cd "$dir"
ossl() { openssl "$@" 2>/dev/null; }
ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key
ossl req -x509 -new -key ca.key -subj "/O=Lanyard Bench/CN=Lanyard Bench Root" -days 3650 \
  -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.pem
ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out inter.key
ossl req -new -key inter.key -subj "/O=Lanyard Bench/CN=Lanyard Bench Intermediate" -out inter.csr
printf "basicConstraints=critical,CA:true,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n" > inter.ext
ossl x509 -req -in inter.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1825 -sha256 -extfile inter.ext -out chain.pem
printf "basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\nsubjectAltName=URI:spiffe://example.org/svc/example-service\n" > leaf.ext
leaf() { # name keyalg issuer-cert issuer-key
  if [ "$2" = rsa ]; then ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key"
  else ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key"; fi
  ossl req -new -key "$1.key" -subj "/O=Lanyard Bench/CN=example-service-$1" -out "$1.csr"
  ossl x509 -req -in "$1.csr" -CA "$3" -CAkey "$4" -CAcreateserial -days 365 -sha256 -extfile leaf.ext -out "$1.pem"
}
leaf ec ec ca.pem ca.key
leaf rsa rsa ca.pem ca.key
leaf chain-leaf ec chain.pem inter.key
cat > trust.json <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Condition":{"StringEquals":{"aws:PrincipalTag/x509SAN/URI":"spiffe://example.org/svc/example-service"}}}]}
JSON
cat > seed.yaml <<'YAML'
account: "123456789012"
region: us-east-1
trustAnchors:
  - id: 11111111-2222-3333-4444-555555555555
    name: bench
    certificateBundle: ca.pem
roles:
  - name: example-service
    trustPolicy: trust.json
    maxSessionDuration: 43200
profiles:
  - id: 66666666-7777-8888-9999-000000000000
    name: bench
    roleArns: ["arn:aws:iam::123456789012:role/example-service"]
    durationSeconds: 43200
    acceptRoleSessionName: true
YAML
rm -f ./*.csr ./*.ext ./*.srl
echo "$dir"
