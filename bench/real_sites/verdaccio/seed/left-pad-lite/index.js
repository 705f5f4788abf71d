module.exports = function () { return 'left-pad-lite'; };
