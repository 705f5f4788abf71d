module.exports = function () { return 'team-eslint-config'; };
