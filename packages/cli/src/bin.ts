console.log('anjian');
