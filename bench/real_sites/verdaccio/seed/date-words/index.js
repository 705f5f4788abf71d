module.exports = function () { return 'date-words'; };
