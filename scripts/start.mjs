// `npm start`: the built server with the defaults a voter's upload needs. adapter-node refuses
// request bodies over 512 kB unless BODY_SIZE_LIMIT says otherwise, and a phone photo of a
// passport is several MB: allow two files of UPLOAD_MAX_BYTES (10 MiB each) and the form around
// them. The environment still wins.
process.env.BODY_SIZE_LIMIT ??= '25M';
await import('../build/index.js');
