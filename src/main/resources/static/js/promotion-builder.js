// The campaign builder: the form's state is the campaign JSON in console units (yuan, percent off,
// local date-times); it is posted as one `payload` field. Problems come back keyed by the same paths.
document.addEventListener('alpine:init', function () {
  var FAMILIES = {
    PRICE: ['ACTIVITY_PRICE', 'LIMITED_TIME_PRICE', 'MEMBER_PRICE', 'TRIAL_PRICE'],
    TIERED_AMOUNT: ['THRESHOLD_AMOUNT_OFF', 'COUPON_THRESHOLD'],
    TIERED_PERCENT: ['THRESHOLD_PERCENT_OFF'],
    GIFT: ['THRESHOLD_GIFT']
  };
  var USES = {
    EVERY_AMOUNT_OFF: ['every', 'amount_off', 'cap'],
    THRESHOLD_GIFT: ['threshold', 'gift_sku', 'quantity'],
    BUY_X_GET_Y: ['buy', 'get', 'get_percent_off_bp', 'max_sets'],
    ANY_N_FOR_PRICE: ['count', 'bundle_price'],
    FREE_SHIPPING: ['min_spend', 'cap'],
    COUPON_FREE_SHIPPING: ['min_spend', 'cap'],
    AMOUNT_OFF: ['amount_off', 'min_spend'],
    COUPON_FIXED: ['amount_off', 'min_spend'],
    CASH_VOUCHER: ['amount_off'],
    PERCENT_OFF: ['percent_off_bp', 'cap', 'min_spend'],
    COUPON_PERCENT: ['percent_off_bp', 'cap', 'min_spend']
  };
  var STEPS = {
    basics: ['name', 'description', 'kind', 'rule_type'],
    rule: ['config'],
    schedule: ['schedule'],
    audience: ['audience', 'tiers'],
    scope: ['scope', 'channels', 'stores'],
    stacking: ['stacking', 'stack_group', 'priority', 'percent_base', 'refund_policy'],
    limits: ['limits'],
    coupon: ['coupon']
  };

  function under(path, prefix) {
    return path === prefix || path.indexOf(prefix + '[') === 0 || path.indexOf(prefix + '.') === 0;
  }

  Alpine.data('campaignBuilder', function () {
    var data = JSON.parse(document.getElementById('builder-data').textContent);
    return {
      f: data.form,
      errors: data.errors || {},
      init: function () {
        var self = this;
        // a field the user changes loses its message
        this.$el.addEventListener('input', function (e) {
          var path = e.target.dataset && e.target.dataset.path;
          if (path && self.errors[path]) {
            delete self.errors[path];
          }
        });
        var first = Object.keys(this.errors)[0];
        if (first) {
          this.$nextTick(function () { self.goto(first); });
        }
      },
      is: function (family) {
        return (FAMILIES[family] || []).indexOf(this.f.rule_type) >= 0;
      },
      uses: function (field) {
        return (USES[this.f.rule_type] || []).indexOf(field) >= 0;
      },
      err: function (path) {
        var e = this.errors[path];
        return e ? e.join(' ') : '';
      },
      errUnder: function (prefix) {
        var out = [];
        for (var p in this.errors) {
          if (under(p, prefix)) {
            out.push(this.errors[p].join(' '));
          }
        }
        return out.join(' ');
      },
      cls: function (path) {
        return this.errors[path] ? 'is-invalid' : '';
      },
      clsUnder: function (prefix) {
        return this.errUnder(prefix) ? 'is-invalid' : '';
      },
      stepClass: function (step) {
        var self = this;
        var bad = Object.keys(this.errors).some(function (p) {
          return STEPS[step].some(function (prefix) { return under(p, prefix); });
        });
        return bad ? 'has-error' : '';
      },
      setKind: function (kind) {
        if (this.f.kind !== kind) {
          this.f.kind = kind;
          this.f.rule_type = '';
        }
      },
      zhe: function (percent) {
        var p = parseFloat(percent);
        if (!(p > 0 && p < 100)) {
          return '';
        }
        return this.$root.dataset.zhe.replace('{0}', Math.round((100 - p) * 100) / 1000);
      },
      storedCustomers: function () {
        var template = this.$root.querySelector('[data-template]').dataset.template;
        return template.replace('{0}', this.f.audience.customer_count);
      },
      goto: function (path) {
        var el = this.$root.querySelector('[data-path="' + path + '"]')
          || this.$root.querySelector('[data-error-for="' + path + '"]');
        if (!el) {
          var step = Object.keys(STEPS).find(function (s) {
            return STEPS[s].some(function (prefix) { return under(path, prefix); });
          });
          el = step && document.getElementById('step-' + step);
        }
        if (el) {
          el.scrollIntoView({ block: 'center' });
          if (el.focus) { el.focus({ preventScroll: true }); }
        }
      },
      serialize: function () {
        this.$refs.payload.value = JSON.stringify(this.f);
      }
    };
  });
});
