# The built app on nginx (README, "Deploy"). It copies a build; it does not make one:
#
#   npm ci && npm run build                  # or: BASE_PATH=/troubleshooter/ npm run build
#   docker build -t troubleshooter .         # then: --build-arg BASE_PATH=/troubleshooter/ (the same path)
#   docker run --rm -p 8080:8080 troubleshooter
#
# deploy/nginx.conf is the server; dist-nginx/troubleshooter.conf is what the build wrote
# for this build (its addresses, base path and page policy): they go together.
FROM nginx:stable-alpine-slim

ARG BASE_PATH=/

COPY deploy/nginx.conf /etc/nginx/nginx.conf
COPY dist-nginx/troubleshooter.conf /etc/nginx/troubleshooter.conf
COPY dist/ /usr/share/nginx/html${BASE_PATH}

# A build made for another path than BASE_PATH would answer 404 everywhere: refuse it here.
RUN grep -q "under ${BASE_PATH}:" /etc/nginx/troubleshooter.conf \
    || { echo "dist/ was built for another base path than BASE_PATH=${BASE_PATH}" >&2; exit 1; } \
    && nginx -t

EXPOSE 8080
